export async function startServer(_o: { articlesDir: string; dbFile: string; port: number }): Promise<void> { throw new Error("web app not built yet"); }
