// The whole bridge: one generic invoke. Method names and inputs are checked in the main process.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('backpressure', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('api', method, input),
});
