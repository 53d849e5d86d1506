import { ruleCases } from './_testkit.ts';

ruleCases('vs-gateway-missing');
