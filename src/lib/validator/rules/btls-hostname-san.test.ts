import { ruleCases } from './_testkit.ts';

ruleCases('btls-hostname-san');
