import { describe, expect, it } from 'vitest';
import { matchHeader, missingRequired, normalizeHeader, suggestMapping } from './header-match';

describe('normalizeHeader', () => {
  it('strips required markers, hints and spaces and reads units', () => {
    expect(normalizeHeader('材质*')).toMatchObject({ text: '材质', key: '材质', required: true });
    expect(normalizeHeader('* 客户名称（必填）')).toMatchObject({ key: '客户名称', required: true });
    expect(normalizeHeader('信用额度（万元）')).toMatchObject({ key: '信用额度', unitFactor: 10000 });
    expect(normalizeHeader('金额(元)')).toMatchObject({ key: '金额', unitFactor: 1 });
    expect(normalizeHeader('订单 ID')).toMatchObject({ key: '订单id' });
    expect(normalizeHeader('ＥＭＡＩＬ')).toMatchObject({ key: 'email' });
  });
});

describe('matchHeader', () => {
  it('knows the Chinese and English synonyms per kind', () => {
    for (const h of ['客户名称', '客户', '单位名称', '公司名称', 'Company Name']) expect(matchHeader('accounts', h)?.field).toBe('name');
    for (const h of ['统一社会信用代码', '信用代码', '税号']) expect(matchHeader('accounts', h)?.field).toBe('creditCode');
    for (const h of ['业务员', '销售', '负责人']) expect(matchHeader('accounts', h)?.field).toBe('owner');
    for (const h of ['信用额度', '授信额度（万元）']) expect(matchHeader('accounts', h)?.field).toBe('creditLimit');
    expect(matchHeader('orders', '订单 ID')?.field).toBe('orderNo');
    expect(matchHeader('orders', '客户 ID')?.field).toBe('accountCode');
    expect(matchHeader('orders', '销售额')?.field).toBe('amount');
    expect(matchHeader('payments', '回款/金额')).toEqual({ field: 'amount', confidence: 1 });
    expect(matchHeader('payments', '回款/日期')).toEqual({ field: 'receivedOn', confidence: 1 });
    expect(matchHeader('payments', '本次/到账金额')?.field).toBe('amount');
  });
  it('finds a synonym inside a longer header but not in unrelated text', () => {
    expect(matchHeader('accounts', '客户名称（全称）')?.field).toBe('name');
    expect(matchHeader('accounts', '联系电话/手机')?.field).toBe('phone');
    expect(matchHeader('accounts', '利润')).toBeNull();
  });
});

describe('suggestMapping', () => {
  it('gives each field to one column and reports missing required fields', () => {
    const m = suggestMapping('accounts', ['客户名称', '公司名称', '电话', '利润']);
    expect(m.map((x) => x.field)).toEqual(['name', null, 'phone', null]);
    expect(missingRequired('orders', ['orderNo', 'account', 'orderedOn', 'quantity', 'amount'])).toEqual([['description', 'sku']]);
  });
});
