import { ruleCases } from './_testkit.ts';

ruleCases('envoy-sni-no-inspector');
