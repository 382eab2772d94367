import { FieldDef, OutputField } from './field';
import * as v from './values';

export const blogIdField: FieldDef = {
  key: 'blogId',
  label: 'Blog',
  helpText: 'The blog (site) of the location. Pick one or map a blog ID.',
  schema: v.id(),
  required: true,
  dynamic: 'blog_list.id.name',
  search: 'find_blog.id',
};

/** A blog post (BlogPostResponseDTO). */
export const blogPostSample = {
  id: '66c381b38be80858b9af62b6',
  _id: '66c381b38be80858b9af62b6',
  title: 'When to Replace Your Water Heater',
  description: 'Five signs your water heater is due for replacement.',
  imageUrl: 'https://assets.example.com/blog/water-heater.jpg',
  imageAltText: 'A tank water heater in a basement',
  status: 'PUBLISHED',
  urlSlug: 'when-to-replace-your-water-heater',
  canonicalLink: 'https://blog.delgado-plumbing.example.com/post/when-to-replace-your-water-heater',
  author: '659ec9634a3796e4e47cc360',
  categories: ['659ecabc4a37969a2b7cc370'],
  tags: ['water heater', 'maintenance'],
  archived: false,
  publishedAt: '2026-03-02T14:00:00.000Z',
  updatedAt: '2026-03-02T14:05:12.182Z',
};

export const blogPostOutputFields: OutputField[] = [
  { key: 'id', label: 'Post ID' },
  { key: 'title', label: 'Title' },
  { key: 'description', label: 'Description' },
  { key: 'status', label: 'Status' },
  { key: 'urlSlug', label: 'URL Slug' },
  { key: 'canonicalLink', label: 'Canonical Link' },
  { key: 'imageUrl', label: 'Image URL' },
  { key: 'imageAltText', label: 'Image Alt Text' },
  { key: 'author', label: 'Author ID' },
  { key: 'categories', label: 'Category IDs' },
  { key: 'tags', label: 'Tags' },
  { key: 'archived', label: 'Archived', type: 'boolean' },
  { key: 'publishedAt', label: 'Published At', type: 'datetime' },
  { key: 'updatedAt', label: 'Updated At', type: 'datetime' },
];

export const blogSample = { id: '8fW9xXq2oCGhsBQqJZ7u', _id: '8fW9xXq2oCGhsBQqJZ7u', name: 'Delgado Plumbing Tips' };

export const blogOutputFields: OutputField[] = [
  { key: 'id', label: 'Blog ID' },
  { key: 'name', label: 'Name' },
];

export const blogAuthorSample = {
  id: '659ec9634a3796e4e47cc360',
  _id: '659ec9634a3796e4e47cc360',
  name: 'Sam Rivera',
  locationId: 've9EPM428h8vShlRW1KT',
  updatedAt: '2026-01-03T11:06:35.822Z',
  canonicalLink: 'https://blog.delgado-plumbing.example.com/author/sam-rivera',
};

export const blogCategorySample = {
  id: '659ecabc4a37969a2b7cc370',
  _id: '659ecabc4a37969a2b7cc370',
  name: 'Maintenance',
  label: 'Maintenance',
  locationId: 've9EPM428h8vShlRW1KT',
  updatedAt: '2026-01-03T11:06:35.822Z',
  canonicalLink: 'https://blog.delgado-plumbing.example.com/category/maintenance',
  urlSlug: 'maintenance',
};
