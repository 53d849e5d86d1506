import { ruleCases } from './_testkit.ts';

ruleCases('vs-mesh-route-missing');
