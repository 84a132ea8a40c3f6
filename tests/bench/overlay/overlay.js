/* global chrome -- the extension API of a content script */
// The least an in-page side panel can do: put one frame on an extension page
// at the right edge of the host. No storage, no messaging, no reading.
const frame = document.createElement('iframe');
frame.src = chrome.runtime.getURL('panel.html');
frame.title = 'Panel';
frame.style.cssText = 'position:fixed;top:0;right:0;width:400px;height:100vh;border:0;z-index:2147483646';
document.body.append(frame);
