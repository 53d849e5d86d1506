import { ruleCases } from './_testkit.ts';

ruleCases('gwapi-route-kind');
