import { ruleCases } from './_testkit.ts';

ruleCases('schema');
