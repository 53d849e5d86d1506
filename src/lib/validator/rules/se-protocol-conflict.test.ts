import { ruleCases } from './_testkit.ts';

// Decided by istio 1.31.0-rc.0 pkg/config/analysis/analyzers/serviceentry/conflictingserviceentries.go
// (IST0177; the analyzer is new in 1.31).
ruleCases('se-protocol-conflict');
