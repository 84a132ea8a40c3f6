// Only so the benchmark harness can find the extension by its service worker.
