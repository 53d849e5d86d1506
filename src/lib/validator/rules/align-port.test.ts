import { ruleCases } from './_testkit.ts';

ruleCases('align-port');
