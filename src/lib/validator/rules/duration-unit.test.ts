import { ruleCases } from './_testkit.ts';

ruleCases('duration-unit');
