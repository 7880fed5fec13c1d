// Types for write-file-atomic 6 (the package ships none): the calls src/node uses.
declare module 'write-file-atomic' {
  interface Options {
    encoding?: BufferEncoding | null;
    mode?: number | false;
    chown?: { uid: number; gid: number } | false;
    fsync?: boolean;
    tmpfileCreated?: (tmpfile: string) => void;
  }
  function writeFileAtomic(filename: string, data: string | Uint8Array, options?: Options | BufferEncoding): Promise<void>;
  namespace writeFileAtomic {
    function sync(filename: string, data: string | Uint8Array, options?: Options | BufferEncoding): void;
  }
  export = writeFileAtomic;
}
