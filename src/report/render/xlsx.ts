import { ReportModel } from '../model/types';
export async function renderXlsx(_model: ReportModel, _o: { date: Date }): Promise<Buffer> {
  return Buffer.from('');
}
