import { ruleCases } from './_testkit.ts';

ruleCases('envoy-schema');
