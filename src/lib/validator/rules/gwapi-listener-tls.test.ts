import { ruleCases } from './_testkit.ts';

ruleCases('gwapi-listener-tls');
