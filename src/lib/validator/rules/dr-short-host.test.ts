import { ruleCases } from './_testkit.ts';

ruleCases('dr-short-host');
