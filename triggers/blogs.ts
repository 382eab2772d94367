import { blogsApi } from '../src/api/blogs';
import { offsetPages } from '../src/client';
import { dropdownTrigger } from '../src/factories/dropdown';
import { records } from '../src/factories/operation';
import { pollingTrigger } from '../src/factories/trigger';
import { blogAuthorSample, blogCategorySample, blogIdField, blogPostOutputFields, blogPostSample, blogSample } from '../src/fields/blog';
import * as v from '../src/fields/values';

const DROPDOWN_PAGE = 50;
const POST_PAGE = 100;
const postStatuses = ['PUBLISHED', 'SCHEDULED', 'DRAFT', 'ARCHIVED'] as const;

/**
 * New Blog Post: the post list has no sort, so one poll reads the blog's posts page by page (at most MAX_PAGES
 * pages) and orders them by publication date; Zapier's dedupe on `id` picks out the new ones.
 */
export const newBlogPostTrigger = pollingTrigger({
  key: 'new_blog_post',
  noun: 'Blog Post',
  label: 'New Blog Post',
  description: 'Triggers when a post is added to a blog of your location.',
  endpoint: blogsApi.listPosts,
  fields: [
    { ...blogIdField, helpText: 'The blog to watch.' },
    {
      key: 'status',
      label: 'Status',
      helpText: 'Only posts with this status, e.g. Published (default: every status).',
      schema: v.oneOf(postStatuses),
      choices: { PUBLISHED: 'Published', SCHEDULED: 'Scheduled', DRAFT: 'Draft', ARCHIVED: 'Archived' },
    },
  ],
  perform: (input, ctx) =>
    offsetPages(POST_PAGE, async (offset) =>
      records(
        (await ctx.call(blogsApi.listPosts, { query: { blogId: input.blogId, status: input.status, limit: POST_PAGE, offset } }))?.blogs,
      ),
    ),
  newestFirst: (post) => post.publishedAt ?? post.updatedAt,
  resultKey: 'blogs',
  sample: blogPostSample,
  outputFields: blogPostOutputFields,
});

export const blogDropdown = dropdownTrigger({
  key: 'blog_list',
  noun: 'Blog',
  endpoint: blogsApi.listBlogs,
  request: (_input, { page }) => ({ query: { skip: page * DROPDOWN_PAGE, limit: DROPDOWN_PAGE } }),
  resultKey: 'data',
  label: (b) => b.name || b.id,
  sample: blogSample,
});

export const blogAuthorDropdown = dropdownTrigger({
  key: 'blog_author_list',
  noun: 'Blog Author',
  endpoint: blogsApi.listAuthors,
  request: (_input, { page }) => ({ query: { offset: page * DROPDOWN_PAGE, limit: DROPDOWN_PAGE } }),
  resultKey: 'authors',
  label: (a) => a.name || a.id,
  sample: blogAuthorSample,
});

export const blogCategoryDropdown = dropdownTrigger({
  key: 'blog_category_list',
  noun: 'Blog Category',
  endpoint: blogsApi.listCategories,
  request: (_input, { page }) => ({ query: { offset: page * DROPDOWN_PAGE, limit: DROPDOWN_PAGE } }),
  resultKey: 'categories',
  label: (c) => c.label || c.name || c.id,
  sample: blogCategorySample,
});

export const blogPostDropdown = dropdownTrigger({
  key: 'blog_post_list',
  noun: 'Blog Post',
  endpoint: blogsApi.listPosts,
  fields: [blogIdField],
  request: (input, { page }) => ({ query: { blogId: input.blogId, offset: page * DROPDOWN_PAGE, limit: DROPDOWN_PAGE } }),
  resultKey: 'blogs',
  label: (p) => `${p.title || p.id}${p.status && p.status !== 'PUBLISHED' ? ` (${String(p.status).toLowerCase()})` : ''}`,
  sample: { ...blogPostSample, name: 'When to Replace Your Water Heater' },
});
