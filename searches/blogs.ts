import { blogsApi } from '../src/api/blogs';
import { Endpoint } from '../src/api/endpoint';
import { offsetPages } from '../src/client';
import { Context, records } from '../src/factories/operation';
import { matchByName } from '../src/factories/nameSearch';
import { searchAction } from '../src/factories/search';
import { blogAuthorSample, blogCategorySample, blogOutputFields, blogSample } from '../src/fields/blog';
import * as v from '../src/fields/values';

/** Check Blog URL Slug as a search: found when a post already uses the slug. */
export const findBlogSlug = searchAction({
  key: 'find_blog_slug',
  noun: 'URL Slug',
  label: 'Find Blog Post URL Slug',
  description: 'Checks whether a blog post of your location already uses a URL slug (found) or it is still free (not found).',
  endpoint: blogsApi.checkSlug,
  fields: [
    {
      key: 'urlSlug',
      label: 'URL Slug',
      helpText: 'The slug to check, e.g. when-to-replace-your-water-heater.',
      schema: v.text(300),
      required: true,
    },
    { key: 'postId', label: 'Except Post ID', helpText: 'Ignore this post (the one you are editing) when checking.', schema: v.id() },
  ],
  results: (data, input) => (data?.exists ? [{ id: input.urlSlug, urlSlug: input.urlSlug, exists: true }] : []),
  sample: { id: 'when-to-replace-your-water-heater', urlSlug: 'when-to-replace-your-water-heater', exists: true },
  sampleAnswer: { exists: true },
  outputFields: [
    { key: 'id', label: 'URL Slug' },
    { key: 'exists', label: 'Slug Is Taken', type: 'boolean' },
  ],
});

const nameField = (helpText: string) => ({ key: 'name', label: 'Name', helpText, schema: v.text(200), required: true });
const SEARCH_PAGE = 100;

/** Reads an offset-paged blog list (authors, categories: no name filter on HighLevel's side), page by page. */
const allOf = (ctx: Context, endpoint: Endpoint, key: string) =>
  offsetPages(SEARCH_PAGE, async (offset) => records((await ctx.call(endpoint, { query: { offset, limit: SEARCH_PAGE } }))?.[key]));

export const findBlog = searchAction({
  key: 'find_blog',
  noun: 'Blog',
  label: 'Find Blog',
  description: 'Finds a blog (site) of your location by its name.',
  endpoint: blogsApi.listBlogs,
  fields: [nameField('The blog name; an exact match wins over a partial one.')],
  request: (input) => ({ query: { skip: 0, limit: SEARCH_PAGE, searchTerm: input.name } }),
  results: (data, input) => matchByName(records(data?.data), input.name, (b) => b.name),
  sample: blogSample,
  sampleAnswer: { data: [blogSample] },
  outputFields: blogOutputFields,
});

export const findBlogAuthor = searchAction({
  key: 'find_blog_author',
  noun: 'Blog Author',
  label: 'Find Blog Author',
  description: 'Finds a blog author of your location by name.',
  endpoint: blogsApi.listAuthors,
  fields: [nameField("The author's name; an exact match wins over a partial one.")],
  perform: async (input, ctx) => matchByName(await allOf(ctx, blogsApi.listAuthors, 'authors'), input.name, (a) => a.name),
  sample: blogAuthorSample,
  sampleAnswer: { authors: [blogAuthorSample] },
  outputFields: [
    { key: 'id', label: 'Author ID' },
    { key: 'name', label: 'Name' },
    { key: 'canonicalLink', label: 'Author Page' },
  ],
});

export const findBlogCategory = searchAction({
  key: 'find_blog_category',
  noun: 'Blog Category',
  label: 'Find Blog Category',
  description: 'Finds a blog category of your location by its label.',
  endpoint: blogsApi.listCategories,
  fields: [nameField('The category label; an exact match wins over a partial one.')],
  perform: async (input, ctx) => matchByName(await allOf(ctx, blogsApi.listCategories, 'categories'), input.name, (c) => c.label ?? c.name),
  sample: blogCategorySample,
  sampleAnswer: { categories: [blogCategorySample] },
  outputFields: [
    { key: 'id', label: 'Category ID' },
    { key: 'label', label: 'Label' },
    { key: 'urlSlug', label: 'URL Slug' },
    { key: 'canonicalLink', label: 'Category Page' },
  ],
});
