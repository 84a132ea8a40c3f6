// Trix for the editor test bed (served bundled as /editors/bundle/trix.js and .css).
// Importing it defines <trix-editor>.
import 'trix';
import 'trix/dist/trix.css';
