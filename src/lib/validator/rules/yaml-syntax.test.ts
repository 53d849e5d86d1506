import { ruleCases } from './_testkit.ts';

ruleCases('yaml-syntax');
