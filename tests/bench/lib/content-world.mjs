// The content script's isolated world in a host page, over CDP: where the
// bridge and the field script run. The bench reads the field script's timing
// there, on the host document's own clock (both worlds of a document share its
// performance timeline), without changing the build.

/**
 * Follows the execution contexts of `page`'s main frame through `cdp` (a
 * Playwright CDPSession on it) and evaluates in the extension's isolated world
 * there. Call `evaluate(fn, arg)` after a navigation once the content script
 * has run; it throws if there is no such world yet.
 */
export async function contentScriptWorld(cdp, extensionId) {
  const contexts = new Map();
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.set(context.id, context));
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => contexts.delete(executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  await cdp.send('Runtime.enable');
  return {
    async evaluate(fn, arg) {
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const world = [...contexts.values()]
        .filter(
          (c) =>
            c.auxData?.frameId === frameTree.frame.id &&
            c.auxData?.type === 'isolated' &&
            c.origin === `chrome-extension://${extensionId}`,
        )
        .at(-1);
      if (!world) throw new Error('No content-script world in the page yet');
      const result = await cdp.send('Runtime.evaluate', {
        expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
        contextId: world.id,
        returnByValue: true,
        awaitPromise: true,
      });
      if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? 'evaluate failed');
      return result.result.value;
    },
  };
}
