import { ruleCases } from './_testkit.ts';

ruleCases('envoy-tls-no-sni');
