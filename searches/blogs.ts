import { blogsApi } from '../src/api/blogs';
import { searchAction } from '../src/factories/search';
import * as v from '../src/fields/values';

/** Check Blog URL Slug as a search: found when a post already uses the slug. */
export const findBlogSlug = searchAction({
  key: 'find_blog_slug',
  noun: 'URL Slug',
  label: 'Find Blog Post URL Slug',
  description: 'Checks whether a blog post of your location already uses a URL slug (found) or it is still free (not found).',
  endpoint: blogsApi.checkSlug,
  fields: [
    { key: 'urlSlug', label: 'URL Slug', helpText: 'The slug to check, e.g. when-to-replace-your-water-heater.', schema: v.text(300), required: true },
    { key: 'postId', label: 'Except Post ID', helpText: 'Ignore this post (the one you are editing) when checking.', schema: v.id() },
  ],
  request: (input) => ({ query: { urlSlug: input.urlSlug, postId: input.postId } }),
  results: (data, input) => (data?.exists ? [{ id: input.urlSlug, urlSlug: input.urlSlug, exists: true }] : []),
  sample: { id: 'when-to-replace-your-water-heater', urlSlug: 'when-to-replace-your-water-heater', exists: true },
  outputFields: [
    { key: 'id', label: 'URL Slug' },
    { key: 'exists', label: 'Slug Is Taken', type: 'boolean' },
  ],
});
