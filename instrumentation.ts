// Runs once when the server starts. The Node-only start-up lives in its own module so the edge
// bundle never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startConsole } = await import('@/lib/server/startup');
    await startConsole();
  }
}
