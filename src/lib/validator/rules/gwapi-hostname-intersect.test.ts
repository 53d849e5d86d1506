import { ruleCases } from './_testkit.ts';

ruleCases('gwapi-hostname-intersect');
