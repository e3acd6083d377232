import { ReportModel } from '../model/types';
export function renderHtml(model: ReportModel): string {
  return `<!doctype html><title>${model.meta.title}</title>`;
}
