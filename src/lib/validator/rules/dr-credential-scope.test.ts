import { ruleCases } from './_testkit.ts';

ruleCases('dr-credential-scope');
