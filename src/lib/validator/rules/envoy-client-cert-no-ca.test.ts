import { ruleCases } from './_testkit.ts';

ruleCases('envoy-client-cert-no-ca');
