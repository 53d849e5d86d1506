import { ruleCases } from './_testkit.ts';

ruleCases('dr-duplicate-host');
