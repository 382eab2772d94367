import { blogsApi } from '../src/api/blogs';
import { createAction } from '../src/factories/create';
import { Input } from '../src/factories/operation';
import { blogIdField, blogPostOutputFields, blogPostSample } from '../src/fields/blog';
import { FieldDef } from '../src/fields/field';
import * as v from '../src/fields/values';

const statuses = ['DRAFT', 'PUBLISHED', 'SCHEDULED', 'ARCHIVED'] as const;

/** The post fields. HighLevel requires nearly all of them on create and on update (CreateBlogPostParams). */
const postFields: FieldDef[] = [
  blogIdField,
  { key: 'title', label: 'Title', helpText: 'The title of the post.', schema: v.text(300), required: true },
  {
    key: 'description',
    label: 'Description',
    helpText: 'A short summary, shown in listings and search results.',
    schema: v.text(1000),
    required: true,
    type: 'text',
  },
  {
    key: 'rawHTML',
    label: 'Content (HTML)',
    helpText: 'The body of the post as HTML.',
    schema: v.text(1_000_000),
    required: true,
    type: 'text',
  },
  { key: 'imageUrl', label: 'Featured Image URL', helpText: 'Public URL of the featured image.', schema: v.url(), required: true },
  {
    key: 'imageAltText',
    label: 'Image Alt Text',
    helpText: 'Describes the image for screen readers (default: the title).',
    schema: v.text(300),
  },
  {
    key: 'status',
    label: 'Status',
    helpText: 'Publish now, schedule (with Publish At in the future), keep as a draft, or archive.',
    schema: v.oneOf(statuses),
    required: true,
    choices: { DRAFT: 'Draft', PUBLISHED: 'Published', SCHEDULED: 'Scheduled', ARCHIVED: 'Archived' },
  },
  {
    key: 'author',
    label: 'Author',
    helpText: 'The blog author shown on the post.',
    schema: v.id(),
    required: true,
    dynamic: 'blog_author_list.id.name',
    search: 'find_blog_author.id',
  },
  {
    key: 'categories',
    label: 'Categories',
    helpText: 'One or more blog categories of the post.',
    schema: v.stringList(v.id()),
    required: true,
    list: true,
    dynamic: 'blog_category_list.id.name',
    search: 'find_blog_category.id',
  },
  {
    key: 'tags',
    label: 'Tags',
    helpText: 'Tags of the post, one per line or separated by commas.',
    schema: v.stringList(v.text(100)),
    list: true,
  },
  {
    key: 'urlSlug',
    label: 'URL Slug',
    helpText: 'The address of the post, e.g. when-to-replace-your-water-heater (default: made from the title).',
    schema: v.narrow(v.text(300), (s) => s.regex(/^[a-z0-9-]+$/, 'must use lower-case letters, digits and "-" only')),
  },
  {
    key: 'canonicalLink',
    label: 'Canonical Link',
    helpText: 'The canonical URL, when the post first appeared elsewhere.',
    schema: v.url(),
  },
  {
    key: 'publishedAt',
    label: 'Publish At',
    helpText: 'Publication date and time, e.g. 2026-03-10T09:00:00Z (default: now).',
    schema: v.dateTime(),
  },
];

/** A URL slug from a title: lower case, ASCII letters and digits joined by "-". */
export function slugify(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 200) || 'post'
  );
}

const postBody = ({ postId: _postId, ...input }: Input) => ({
  ...input,
  imageAltText: input.imageAltText ?? input.title,
  urlSlug: input.urlSlug ?? slugify(input.title),
  publishedAt: input.publishedAt ?? new Date().toISOString(),
});

export const createBlogPost = createAction({
  key: 'create_blog_post',
  noun: 'Blog Post',
  label: 'Create Blog Post',
  description: 'Creates a blog post (published, scheduled or draft) on a blog of your location.',
  endpoint: blogsApi.createPost,
  fields: postFields,
  request: (input) => ({ body: postBody(input) }),
  resultKey: 'data',
  sample: blogPostSample,
  outputFields: blogPostOutputFields,
});

export const updateBlogPost = createAction({
  key: 'update_blog_post',
  noun: 'Blog Post',
  label: 'Update Blog Post',
  description: 'Updates a blog post. HighLevel replaces the whole post, so every required field is asked again.',
  endpoint: blogsApi.updatePost,
  fields: [
    postFields[0],
    {
      key: 'postId',
      label: 'Post',
      helpText: 'The post to update. Pick it after choosing the blog, or map a post ID.',
      schema: v.id(),
      required: true,
      dynamic: 'blog_post_list.id.name',
    },
    ...postFields.slice(1),
  ],
  request: (input) => ({ path: { postId: input.postId }, body: postBody(input) }),
  resultKey: 'updatedBlogPost',
  sample: blogPostSample,
  outputFields: blogPostOutputFields,
});
