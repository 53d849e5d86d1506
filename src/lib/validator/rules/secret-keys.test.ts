import { ruleCases } from './_testkit.ts';

ruleCases('secret-keys');
