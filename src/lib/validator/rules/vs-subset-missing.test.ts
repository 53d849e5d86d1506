import { ruleCases } from './_testkit.ts';

ruleCases('vs-subset-missing');
