import { ruleCases } from './_testkit.ts';

ruleCases('gwapi-frontend-tls');
