import { ruleCases } from './_testkit.ts';

ruleCases('dr-sni-missing');
