import { ruleCases } from './_testkit.ts';

// Decided by istio 1.30.3 pkg/config/analysis/analyzers/gateway/certificate.go (IST0138).
ruleCases('gw-duplicate-certificate');
