import { ruleCases } from './_testkit.ts';

ruleCases('btls-ca-source');
