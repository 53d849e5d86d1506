import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { withGitDates } from './lib/site/git-dates.ts';

export const collections = {
  docs: defineCollection({
    loader: withGitDates(docsLoader()),
    schema: docsSchema({
      extend: z.object({
        // Terms Pagefind should find this page by (Korean compounds with and without spaces,
        // English terms, exact error identifiers). Rendered as a pagefind meta tag by Head.astro.
        keywords: z.array(z.string()).default([]),
      }),
    }),
  }),
};
