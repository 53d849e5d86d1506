import { ruleCases } from './_testkit.ts';

ruleCases('dr-tls-no-verify');
