import { ruleCases } from './_testkit.ts';

ruleCases('se-double-tls');
