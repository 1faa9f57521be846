import { useState } from 'react';
import type { UploadFile, UploadProps } from 'antd';

/**
 * One file chosen for an import, kept by the page instead of sent by antd's Upload: spread `uploadProps` on the
 * <Upload>, send `file`, `clear()` forgets it. `onChange` runs whenever the choice changes (the report of the previous
 * file no longer applies).
 */
export function useChosenFile(onChange: () => void) {
  const [file, setFile] = useState<File>();
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const clear = () => {
    setFile(undefined);
    setFileList([]);
  };
  const uploadProps: Pick<UploadProps, 'maxCount' | 'fileList' | 'beforeUpload' | 'onRemove'> = {
    maxCount: 1,
    fileList,
    beforeUpload: (chosen) => {
      setFile(chosen);
      setFileList([{ uid: chosen.uid, name: chosen.name, status: 'done' }]);
      onChange();
      return false;
    },
    onRemove: () => {
      clear();
      onChange();
    },
  };
  return { file, uploadProps, clear };
}
