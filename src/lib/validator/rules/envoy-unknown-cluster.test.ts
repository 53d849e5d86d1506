import { ruleCases } from './_testkit.ts';

ruleCases('envoy-unknown-cluster');
