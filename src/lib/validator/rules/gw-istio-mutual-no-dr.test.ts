import { ruleCases } from './_testkit.ts';

ruleCases('gw-istio-mutual-no-dr');
