import { Node, mergeAttributes } from '@tiptap/core';

/**
 * An image from the media library with alt text and a caption, stored by media id only:
 * { type: 'figure', attrs: { mediaId, alt, caption } }. The URL is derived from `mediaUrl`
 * ("/media/{id}/640.jpg") for display and never stored.
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { mediaUrl: '' };
  },

  addAttributes() {
    return {
      mediaId: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-media-id') || '',
        renderHTML: (attrs) => ({ 'data-media-id': attrs.mediaId }),
      },
      alt: {
        default: '',
        parseHTML: (el) => el.querySelector('img')?.getAttribute('alt') || '',
        renderHTML: () => ({}),
      },
      caption: {
        default: '',
        parseHTML: (el) => (el.querySelector('figcaption')?.textContent || '').trim(),
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'figure[data-media-id]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const { mediaId, alt, caption } = node.attrs;
    const template = this.options.mediaUrl;
    const img = { alt: alt || '' };
    if (template && mediaId) img.src = template.split('{id}').join(encodeURIComponent(mediaId));
    return ['figure', mergeAttributes(HTMLAttributes), ['img', img], ['figcaption', {}, caption || '']];
  },
});
