<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <source>GreenDesk backups (*.db)</source>
        <translation>GreenDesk 备份 (*.db)</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <source>Backed up {loans} loans and {events} audit events to {path}</source>
        <translation>已备份 {loans} 笔贷款和 {events} 条审计记录到 {path}</translation>
    </message>
    <message>
        <source>Restore from</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace the current database with {path} ({loans} loans)? The current file is kept aside.</source>
        <translation>用 {path}（{loans} 笔贷款）替换当前数据库？当前文件将另行保留。</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Makes a consistent copy of the database while GreenDesk stays open.</source>
        <translation>在 GreenDesk 运行期间生成数据库的一致性副本。</translation>
    </message>
    <message>
        <source>Back up to a file…</source>
        <translation>备份到文件…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Checks the backup file first, then replaces the current database with it. GreenDesk reopens the restored database.</source>
        <translation>先校验备份文件，再用它替换当前数据库；GreenDesk 随后重新打开恢复后的数据库。</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <source>Automatic daily backup</source>
        <translation>每日自动备份</translation>
    </message>
    <message>
        <source>Back up once a day when GreenDesk starts</source>
        <translation>每天首次启动 GreenDesk 时自动备份</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source> backups</source>
        <translation> 份</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>最近备份</translation>
    </message>
</context>
<context>
    <name>BorrowerDialog</name>
    <message>
        <source>New borrower</source>
        <translation>新建借款人</translation>
    </message>
    <message>
        <source>Borrower {}</source>
        <translation>借款人 {}</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>所属行业类别</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Carbon account grade</source>
        <translation>碳账户等级</translation>
    </message>
    <message>
        <source>Transition plan (high-carbon sectors)</source>
        <translation>转型计划（高碳行业）</translation>
    </message>
    <message>
        <source>Baseline carbon intensity</source>
        <translation>基准碳强度</translation>
    </message>
    <message>
        <source>Target carbon intensity</source>
        <translation>目标碳强度</translation>
    </message>
    <message>
        <source>Base year</source>
        <translation>基准年</translation>
    </message>
    <message>
        <source>Target year</source>
        <translation>目标年</translation>
    </message>
    <message>
        <source>Discloses progress every year</source>
        <translation>每年披露转型进展</translation>
    </message>
</context>
<context>
    <name>ClassificationTab</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>met</source>
        <translation>满足</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Criterion or evidence</source>
        <translation>标准或证明材料</translation>
    </message>
    <message>
        <source>Reading the classification…</source>
        <translation>正在读取绿色分类…</translation>
    </message>
    <message>
        <source>Not classified yet: the engine has not assessed this loan.</source>
        <translation>尚未分类：系统尚未评估该笔贷款。</translation>
    </message>
    <message>
        <source>Engine's class: {}</source>
        <translation>系统分类：{}</translation>
    </message>
    <message>
        <source>Labels: {}</source>
        <translation>标签：{}</translation>
    </message>
    <message>
        <source>Green share: {}</source>
        <translation>绿色占比：{}</translation>
    </message>
    <message>
        <source>Catalogue item: {}</source>
        <translation>目录条目：{}</translation>
    </message>
    <message>
        <source>No override: the engine's class applies.</source>
        <translation>未调整：采用系统分类结果。</translation>
    </message>
</context>
<context>
    <name>CollateralTab</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Pledge rate</source>
        <translation>质押率</translation>
    </message>
    <message>
        <source>Eligible value</source>
        <translation>可抵押价值</translation>
    </message>
    <message>
        <source>Valuation date</source>
        <translation>估值日</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>登记机构</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>登记编号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>No collateral is pledged to this loan.</source>
        <translation>该笔贷款尚无押品。</translation>
    </message>
    <message>
        <source>The pledges could not be valued.</source>
        <translation>无法对押品估值。</translation>
    </message>
    <message>
        <source>Coverage {ratio} (threshold {threshold}) · eligible {eligible} of exposure {exposure} · as of {day}</source>
        <translation>押品覆盖率 {ratio}（下限 {threshold}）· 可抵押价值 {eligible} / 敞口 {exposure} · 估值日 {day}</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Review started</source>
        <translation>已受理审查</translation>
    </message>
    <message>
        <source>Decision recorded</source>
        <translation>审批决议已记录</translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation>已放款</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结清</translation>
    </message>
    <message>
        <source>The terms of {ref} are frozen while it is {status}. Reopen it as a new version to change them.</source>
        <translation>{ref} 处于“{status}”状态，条款已冻结。如需修改，请以新版本变更。</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Borrower {} saved</source>
        <translation>借款人 {} 已保存</translation>
    </message>
    <message>
        <source>Project {} saved</source>
        <translation>项目 {} 已保存</translation>
    </message>
    <message>
        <source>Remove pledge</source>
        <translation>解除押品</translation>
    </message>
    <message>
        <source>Release pledge {n} ({type}) from {ref}?</source>
        <translation>从 {ref} 解除押品 {n}（{type}）？</translation>
    </message>
    <message>
        <source>{ref} reopened as version {v}</source>
        <translation>{ref} 已变更为第 {v} 版</translation>
    </message>
    <message>
        <source>Return for changes</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>Why is the application returned? The officer reads this.</source>
        <translation>退回理由（客户经理可见）：</translation>
    </message>
    <message>
        <source>Workbook written: {}</source>
        <translation>工作簿已写入：{}</translation>
    </message>
    <message>
        <source>GreenDesk {v}
Green-finance loan origination for bank branches.
Database: {db}</source>
        <translation>GreenDesk {v}
面向银行网点的绿色信贷业务系统。
数据库：{db}</translation>
    </message>
    <message>
        <source>About GreenDesk</source>
        <translation>关于 GreenDesk</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>Restored {loans} loans from {path}. The replaced database was kept as {aside}.</source>
        <translation>已从 {path} 恢复 {loans} 笔贷款。被替换的数据库保存在 {aside}。</translation>
    </message>
    <message>
        <source>Daily backup written: {}</source>
        <translation>每日备份已写入：{}</translation>
    </message>
    <message>
        <source>Daily backup…</source>
        <translation>每日备份…</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Also written to the log file: {}</source>
        <translation>详细信息已写入日志文件：{}</translation>
    </message>
    <message>
        <source>GreenDesk: unexpected error</source>
        <translation>GreenDesk：意外错误</translation>
    </message>
    <message>
        <source>GreenDesk ran into a problem it did not expect. Your data is safe: the unfinished change was not saved. Please send the details below to your IT support.</source>
        <translation>GreenDesk 遇到了意外错误。数据是安全的：未完成的修改没有保存。请将下面的详细信息发送给信息科技支持人员。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export workbook</source>
        <translation>导出工作簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>file: required</source>
        <translation>文件：必填</translation>
    </message>
    <message>
        <source>Writing loan {done} of {total}…</source>
        <translation>正在写入第 {done} / {total} 笔贷款…</translation>
    </message>
    <message>
        <source>Exporting the portfolio workbook…</source>
        <translation>正在导出贷款组合工作簿…</translation>
    </message>
    <message>
        <source>Export portfolio workbook</source>
        <translation>导出贷款组合工作簿</translation>
    </message>
    <message>
        <source>Writes the portfolio workbook (summary, loans, collateral, syndicate, maturity ladder) for Excel.</source>
        <translation>生成贷款组合 Excel 工作簿（汇总、贷款、押品、银团、到期分布）。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>数据日期</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>password: the two entries differ</source>
        <translation>密码：两次输入不一致</translation>
    </message>
    <message>
        <source>Create the administrator</source>
        <translation>创建系统管理员</translation>
    </message>
    <message>
        <source>This database has no administrator yet. Create one now: the administrator adds officers and committee members, keeps reference prices and rates, and restores backups.</source>
        <translation>该数据库尚无系统管理员，请先创建。系统管理员负责添加客户经理和贷审会委员、维护参考价格和利率、恢复备份。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>例如 admin</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>No events recorded for this loan.</source>
        <translation>该笔贷款暂无审计记录。</translation>
    </message>
    <message>
        <source>Select an event.</source>
        <translation>请选择一条记录。</translation>
    </message>
</context>
<context>
    <name>LoanDetail</name>
    <message>
        <source>{n} grace periods</source>
        <translation>宽限 {n} 期</translation>
    </message>
    <message>
        <source>{n} lenders</source>
        <translation>{n} 家成员行</translation>
    </message>
    <message>
        <source>Computing the schedule…</source>
        <translation>正在计算还款计划…</translation>
    </message>
    <message>
        <source>Reading the classification…</source>
        <translation>正在读取绿色分类…</translation>
    </message>
    <message>
        <source>Select a loan on the left to see its borrower, project, schedule, collateral, classification and history.</source>
        <translation>在左侧选择一笔贷款，查看借款人、项目、还款计划、押品、绿色分类和历史记录。</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>所属行业类别</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Carbon grade</source>
        <translation>碳账户等级</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>授信</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>Repayment</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Catalogue item</source>
        <translation>目录条目</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>装机规模</translation>
    </message>
    <message>
        <source>Total investment</source>
        <translation>总投资</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Environmental benefit</source>
        <translation>环境效益</translation>
    </message>
    <message>
        <source>CO2e reduction</source>
        <translation>二氧化碳减排量</translation>
    </message>
    <message>
        <source>Carbon sink</source>
        <translation>碳汇量</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>绿色分类</translation>
    </message>
    <message>
        <source>Green share</source>
        <translation>绿色占比</translation>
    </message>
    <message>
        <source>Terms and schedule</source>
        <translation>条款与还款计划</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>押品</translation>
    </message>
    <message>
        <source>Add pledge…</source>
        <translation>新增押品…</translation>
    </message>
    <message>
        <source>Edit pledge…</source>
        <translation>修改押品…</translation>
    </message>
    <message>
        <source>Remove pledge</source>
        <translation>解除押品</translation>
    </message>
    <message>
        <source>Officer's override</source>
        <translation>客户经理调整分类</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Save override</source>
        <translation>保存调整</translation>
    </message>
    <message>
        <source>Remove override</source>
        <translation>撤销调整</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
</context>
<context>
    <name>LoanDialog</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Lender</source>
        <translation>成员行</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承贷金额</translation>
    </message>
    <message>
        <source>New loan application</source>
        <translation>新建贷款申请</translation>
    </message>
    <message>
        <source>Loan {}</source>
        <translation>贷款 {}</translation>
    </message>
    <message>
        <source>(no project)</source>
        <translation>（无项目）</translation>
    </message>
    <message>
        <source>Loan application</source>
        <translation>贷款申请</translation>
    </message>
    <message>
        <source>Parties and amount</source>
        <translation>主体与金额</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>blank: generated on saving</source>
        <translation>留空则保存时自动生成</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>分支行</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>起始日</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>期限（月）</translation>
    </message>
    <message>
        <source>Coverage threshold</source>
        <translation>覆盖率下限</translation>
    </message>
    <message>
        <source>Rate and repayment</source>
        <translation>利率与还款</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>Fixed annual rate</source>
        <translation>固定年利率</translation>
    </message>
    <message>
        <source>Base rate</source>
        <translation>基准利率</translation>
    </message>
    <message>
        <source>Base rate value</source>
        <translation>基准利率值</translation>
    </message>
    <message>
        <source>Spread (bp)</source>
        <translation>加点（基点）</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>还款频率</translation>
    </message>
    <message>
        <source>Repayment method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Grace periods</source>
        <translation>宽限期（期数）</translation>
    </message>
    <message>
        <source>Day count</source>
        <translation>计息基准</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Business day rule</source>
        <translation>工作日调整规则</translation>
    </message>
    <message>
        <source>Drawdowns</source>
        <translation>提款计划</translation>
    </message>
    <message>
        <source>Dates and amounts drawn during construction; leave empty to draw the whole amount on the start date.</source>
        <translation>建设期内各次提款的日期和金额；留空表示起息日一次性全额提款。</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>删除一行</translation>
    </message>
    <message>
        <source>Syndicate</source>
        <translation>银团</translation>
    </message>
    <message>
        <source>Each lender's role and commitment; commitments add up to the facility amount. Leave empty for a bilateral loan.</source>
        <translation>各成员行的角色和承贷金额，合计应等于贷款金额；双边贷款留空。</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Arrangement fee rate</source>
        <translation>安排费费率</translation>
    </message>
    <message>
        <source>Commitment fee (bp a year)</source>
        <translation>承诺费（基点/年）</translation>
    </message>
    <message>
        <source>Agency fee a year (CNY)</source>
        <translation>代理费（元/年）</translation>
    </message>
    <message>
        <source>Ratchet cap (bp)</source>
        <translation>利率调整上限（基点）</translation>
    </message>
</context>
<context>
    <name>LoanTable</name>
    <message>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起始日</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>到期日</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Database: {}</source>
        <translation>数据库：{}</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Log in to GreenDesk</source>
        <translation>登录 GreenDesk</translation>
    </message>
    <message>
        <source>Sign in with your GreenDesk user name and password.</source>
        <translation>请输入 GreenDesk 用户名和密码登录。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>GreenDesk — green loan desk</source>
        <translation>GreenDesk 绿色信贷工作台</translation>
    </message>
    <message>
        <source>{n} loans</source>
        <translation>共 {n} 笔贷款</translation>
    </message>
    <message>
        <source>No loan matches “{text}”.</source>
        <translation>没有与“{text}”匹配的贷款。</translation>
    </message>
    <message>
        <source>No loans yet. Start one with New loan (Ctrl+N).</source>
        <translation>暂无贷款。可通过“新建贷款”（Ctrl+N）开始录入。</translation>
    </message>
    <message>
        <source>Search reference, borrower, project, region…</source>
        <translation>搜索编号、借款人、项目、地区…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Loans</source>
        <translation>贷款(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>New loan…</source>
        <translation>新建贷款…</translation>
    </message>
    <message>
        <source>Start a new loan application</source>
        <translation>开始一笔新的贷款申请</translation>
    </message>
    <message>
        <source>Edit loan…</source>
        <translation>修改贷款…</translation>
    </message>
    <message>
        <source>Change the selected application's terms</source>
        <translation>修改所选申请的条款</translation>
    </message>
    <message>
        <source>New borrower…</source>
        <translation>新建借款人…</translation>
    </message>
    <message>
        <source>Edit borrower…</source>
        <translation>修改借款人…</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>Edit project…</source>
        <translation>修改项目…</translation>
    </message>
    <message>
        <source>Add pledge…</source>
        <translation>新增押品…</translation>
    </message>
    <message>
        <source>Attach collateral to the selected loan</source>
        <translation>为所选贷款添加押品</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Submit the application to the credit committee</source>
        <translation>将申请提交贷审会</translation>
    </message>
    <message>
        <source>Start review</source>
        <translation>受理审查</translation>
    </message>
    <message>
        <source>Take the submitted application into committee review</source>
        <translation>受理已提交的申请进入贷审会审查</translation>
    </message>
    <message>
        <source>Vote…</source>
        <translation>投票…</translation>
    </message>
    <message>
        <source>Cast your committee vote</source>
        <translation>投出贷审会表决票</translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation>形成决议</translation>
    </message>
    <message>
        <source>Record the committee decision once the quorum is met</source>
        <translation>达到法定票数后形成贷审会决议</translation>
    </message>
    <message>
        <source>Return for changes…</source>
        <translation>退回修改…</translation>
    </message>
    <message>
        <source>Send the application back to the officer</source>
        <translation>将申请退回客户经理</translation>
    </message>
    <message>
        <source>Disburse</source>
        <translation>放款</translation>
    </message>
    <message>
        <source>Mark the approved loan as disbursed</source>
        <translation>将已批准的贷款标记为已放款</translation>
    </message>
    <message>
        <source>Close loan</source>
        <translation>结清</translation>
    </message>
    <message>
        <source>Mark the disbursed loan as repaid</source>
        <translation>将已放款的贷款标记为已结清</translation>
    </message>
    <message>
        <source>Reopen as new version</source>
        <translation>变更（新版本）</translation>
    </message>
    <message>
        <source>Change approved terms through a new application version</source>
        <translation>以新版本申请变更已批准的条款</translation>
    </message>
    <message>
        <source>Credit memo…</source>
        <translation>授信审批报告…</translation>
    </message>
    <message>
        <source>Preview and save the credit memo PDF</source>
        <translation>预览并保存授信审批报告 PDF</translation>
    </message>
    <message>
        <source>Export workbook…</source>
        <translation>导出工作簿…</translation>
    </message>
    <message>
        <source>Export the portfolio workbook for Excel</source>
        <translation>导出贷款组合 Excel 工作簿</translation>
    </message>
    <message>
        <source>Backup and restore…</source>
        <translation>备份与恢复…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>About GreenDesk</source>
        <translation>关于 GreenDesk</translation>
    </message>
</context>
<context>
    <name>MemoDialog</name>
    <message>
        <source>Credit memo {}</source>
        <translation>授信审批报告 {}</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Rendering the credit memo…</source>
        <translation>正在生成授信审批报告…</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>共 {n} 页</translation>
    </message>
    <message>
        <source>{size} KB, ready to save</source>
        <translation>{size} KB，可以保存</translation>
    </message>
    <message>
        <source>Save credit memo</source>
        <translation>保存授信审批报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot save {path}: {err}</source>
        <translation>无法保存 {path}：{err}</translation>
    </message>
    <message>
        <source>Saved to {}</source>
        <translation>已保存到 {}</translation>
    </message>
    <message>
        <source>Credit memo</source>
        <translation>授信审批报告</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Render again</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>GreenDesk</source>
        <translation>GreenDesk</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>{months} months, {start} to {end}</source>
        <translation>{months} 个月，{start} 至 {end}</translation>
    </message>
    <message>
        <source>tCO2e a year</source>
        <translation>吨 CO2e/年</translation>
    </message>
</context>
<context>
    <name>PledgeDialog</name>
    <message>
        <source>Add pledge</source>
        <translation>新增押品</translation>
    </message>
    <message>
        <source>Pledge {}</source>
        <translation>押品 {}</translation>
    </message>
    <message>
        <source>Pledge</source>
        <translation>押品</translation>
    </message>
    <message>
        <source>Collateral type</source>
        <translation>押品类型</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Price instrument</source>
        <translation>参考价格品种</translation>
    </message>
    <message>
        <source>Unit price (CNY)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <source>Appraised value (CNY)</source>
        <translation>评估价值（元）</translation>
    </message>
    <message>
        <source>Valuation date</source>
        <translation>估值日</translation>
    </message>
    <message>
        <source>Pledge rate</source>
        <translation>质押率</translation>
    </message>
    <message>
        <source>blank: the type's default</source>
        <translation>留空则采用该类型的默认质押率</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>登记机构</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>登记编号</translation>
    </message>
    <message>
        <source>Vintage year</source>
        <translation>年度（配额年份）</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>出质人</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Project {}</source>
        <translation>项目 {}</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Catalogue item</source>
        <translation>目录条目</translation>
    </message>
    <message>
        <source>Capacity (MW)</source>
        <translation>装机容量（MW）</translation>
    </message>
    <message>
        <source>Capacity note</source>
        <translation>规模说明</translation>
    </message>
    <message>
        <source>Total investment (CNY)</source>
        <translation>总投资（元）</translation>
    </message>
    <message>
        <source>CO2e reduction (t a year)</source>
        <translation>年减排量（吨 CO2e）</translation>
    </message>
    <message>
        <source>Carbon sink (t)</source>
        <translation>碳汇量（吨）</translation>
    </message>
</context>
<context>
    <name>ScheduleTab</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Payment date</source>
        <translation>还款日</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <source>Drawdown</source>
        <translation>提款</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>还款额</translation>
    </message>
    <message>
        <source>Closing balance</source>
        <translation>期末余额</translation>
    </message>
    <message>
        <source>Computing the schedule…</source>
        <translation>正在计算还款计划…</translation>
    </message>
    <message>
        <source>No schedule: {}</source>
        <translation>无法生成还款计划：{}</translation>
    </message>
    <message>
        <source>Borrower (whole facility)</source>
        <translation>借款人（整笔贷款）</translation>
    </message>
    <message>
        <source>{n} periods · principal {p} · interest {i} · fees {f} · total {t}</source>
        <translation>{n} 期 · 本金 {p} · 利息 {i} · 费用 {f} · 合计 {t}</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>VoteDialog</name>
    <message>
        <source>Cast vote</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>Cast your vote</source>
        <translation>投票表决</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>表决意见</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>附加条件</translation>
    </message>
    <message>
        <source>Required when approving with conditions</source>
        <translation>附条件同意时必填</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
</context>
</TS>