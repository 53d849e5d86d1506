import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { withGitDates } from './lib/site/git-dates.ts';

export const collections = {
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  docs: defineCollection({
    loader: withGitDates(docsLoader()),
    schema: docsSchema({
      extend: z.object({
        // Terms Pagefind should find this page by (Korean compounds with and without spaces,
        // English terms, exact error identifiers; YAML reads a bare 1024 as a number). Rendered as a
        // pagefind meta tag by Head.astro.
        keywords: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
      }),
    }),
  }),
};
