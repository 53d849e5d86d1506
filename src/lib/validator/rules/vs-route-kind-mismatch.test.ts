import { ruleCases } from './_testkit.ts';

ruleCases('vs-route-kind-mismatch');
