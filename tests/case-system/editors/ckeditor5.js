// CKEditor 5 for the editor test bed (served bundled as /editors/bundle/ckeditor5.js and .css).
// The editor's CSS: every package of the classic build that ships some.
import '@ckeditor/ckeditor5-ui/dist/index.css';
import '@ckeditor/ckeditor5-engine/dist/index.css';
import '@ckeditor/ckeditor5-core/dist/index.css';
import '@ckeditor/ckeditor5-utils/dist/index.css';
import '@ckeditor/ckeditor5-editor-classic/dist/index.css';
import '@ckeditor/ckeditor5-clipboard/dist/index.css';
import '@ckeditor/ckeditor5-enter/dist/index.css';
import '@ckeditor/ckeditor5-typing/dist/index.css';
import '@ckeditor/ckeditor5-undo/dist/index.css';
import '@ckeditor/ckeditor5-select-all/dist/index.css';
import '@ckeditor/ckeditor5-widget/dist/index.css';
import '@ckeditor/ckeditor5-basic-styles/dist/index.css';
import '@ckeditor/ckeditor5-paragraph/dist/index.css';
import '@ckeditor/ckeditor5-essentials/dist/index.css';

export { ClassicEditor } from '@ckeditor/ckeditor5-editor-classic';
export { Essentials } from '@ckeditor/ckeditor5-essentials';
export { Paragraph } from '@ckeditor/ckeditor5-paragraph';
export { Bold, Italic } from '@ckeditor/ckeditor5-basic-styles';
