<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../ui/views/annotations_dock.py" line="47"/>
        <source>整个项目</source>
        <translation>Whole project</translation>
    </message>
    <message>
        <location filename="../../ui/views/annotations_dock.py" line="47"/>
        <source>所选指标行</source>
        <translation>Selected indicator row</translation>
    </message>
    <message>
        <location filename="../../ui/views/annotations_dock.py" line="47"/>
        <source>所选单元格</source>
        <translation>Selected cell</translation>
    </message>
    <message>
        <location filename="../../ui/views/annotations_dock.py" line="50"/>
        <source>在此写批注…</source>
        <translation>Write an annotation here…</translation>
    </message>
    <message>
        <location filename="../../ui/views/annotations_dock.py" line="53"/>
        <source>添加批注</source>
        <translation>Add annotation</translation>
    </message>
    <message>
        <location filename="../../ui/views/annotations_dock.py" line="56"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/views/annotations_dock.py" line="61"/>
        <source>批注对象：</source>
        <translation>Annotate:</translation>
    </message>
    <message>
        <location filename="../../ui/views/annotations_dock.py" line="113"/>
        <source>修改批注</source>
        <translation>Edit annotation</translation>
    </message>
    <message>
        <location filename="../../ui/views/annotations_dock.py" line="113"/>
        <source>批注：</source>
        <translation>Annotation:</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <location filename="../../ui/models/comparison_model.py" line="128"/>
        <source>上年：{old}</source>
        <translation>Last year: {old}</translation>
    </message>
    <message>
        <location filename="../../ui/models/comparison_model.py" line="129"/>
        <source>本年：{new}</source>
        <translation>This year: {new}</translation>
    </message>
    <message>
        <location filename="../../ui/models/comparison_model.py" line="132"/>
        <source>原因：{cause}</source>
        <translation>Cause: {cause}</translation>
    </message>
    <message>
        <location filename="../../ui/models/comparison_model.py" line="135"/>
        <source>变动：{percent}</source>
        <translation>Change: {percent}</translation>
    </message>
</context>
<context>
    <name>ComparisonSideModel</name>
    <message>
        <location filename="../../ui/models/comparison_model.py" line="237"/>
        <source>相同</source>
        <translation>Same</translation>
    </message>
    <message>
        <location filename="../../ui/models/comparison_model.py" line="238"/>
        <source>有变化</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../ui/models/comparison_model.py" line="239"/>
        <source>本年新增</source>
        <translation>Added this year</translation>
    </message>
    <message>
        <location filename="../../ui/models/comparison_model.py" line="240"/>
        <source>本年删除</source>
        <translation>Removed this year</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <location filename="../../ui/views/comparison_view.py" line="46"/>
        <source>年度对比</source>
        <translation>Year comparison</translation>
    </message>
    <message>
        <location filename="../../ui/views/comparison_view.py" line="56"/>
        <source>只看变化</source>
        <translation>Changes only</translation>
    </message>
    <message>
        <location filename="../../ui/views/comparison_view.py" line="161"/>
        <source>上年 {year} · {file}</source>
        <translation>Last year {year} · {file}</translation>
    </message>
    <message>
        <location filename="../../ui/views/comparison_view.py" line="163"/>
        <source>本年 {year} · {file}</source>
        <translation>This year {year} · {file}</translation>
    </message>
    <message>
        <location filename="../../ui/views/comparison_view.py" line="169"/>
        <source>{dept}：匹配 {matched} 个项目，本年新增 {added} 个，本年删除 {removed} 个，共 {changes} 处变化</source>
        <translation>{dept}: {matched} projects matched, {added} added this year, {removed} removed this year, {changes} changes in all</translation>
    </message>
</context>
<context>
    <name>ComparisonWindow</name>
    <message>
        <location filename="../../ui/comparing.py" line="111"/>
        <source>上年：</source>
        <translation>Last year:</translation>
    </message>
    <message>
        <location filename="../../ui/comparing.py" line="113"/>
        <source>本年：</source>
        <translation>This year:</translation>
    </message>
    <message>
        <location filename="../../ui/comparing.py" line="123"/>
        <source>年度对比 — {dept}</source>
        <translation>Year comparison — {dept}</translation>
    </message>
    <message>
        <location filename="../../ui/comparing.py" line="139"/>
        <source>请选择两个不同的年度。</source>
        <translation>Choose two different years.</translation>
    </message>
    <message>
        <location filename="../../ui/comparing.py" line="150"/>
        <source>正在对比…</source>
        <translation>Comparing…</translation>
    </message>
    <message>
        <location filename="../../ui/comparing.py" line="173"/>
        <source>取消此配对</source>
        <translation>Unpair</translation>
    </message>
    <message>
        <location filename="../../ui/comparing.py" line="175"/>
        <source>与另一年度的项目配对…</source>
        <translation>Pair with a project of the other year…</translation>
    </message>
    <message>
        <location filename="../../ui/comparing.py" line="197"/>
        <source>正在保存配对修改…</source>
        <translation>Saving the pairing change…</translation>
    </message>
    <message>
        <location filename="../../ui/comparing.py" line="220"/>
        <source>另一年度没有未配对的项目。</source>
        <translation>The other year has no unmatched project.</translation>
    </message>
    <message>
        <location filename="../../ui/comparing.py" line="225"/>
        <source>配对</source>
        <translation>Pair</translation>
    </message>
    <message>
        <location filename="../../ui/comparing.py" line="225"/>
        <source>选择另一年度的项目：</source>
        <translation>Choose the other year&apos;s project:</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/crash.py" line="74"/>
        <source>程序出错</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="90"/>
        <source>复制详细信息</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="92"/>
        <source>把出错经过和版本信息复制下来，便于发给技术支持</source>
        <translation>Copy what happened and the versions, to send to technical support</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="105"/>
        <source>程序遇到了一个意外的问题，刚才的操作可能没有完成。</source>
        <translation>The program ran into an unexpected problem; the last action may not have finished.</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="106"/>
        <source>已经保存的工作不会丢失：每一处修改在做出时就已保存到工作区。您可以继续工作；如果程序表现异常，请关闭后重新打开。</source>
        <translation>Work already saved is safe: every edit is saved to the workspace as it is made. You can go on working; if the program misbehaves, close it and open it again.</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="110"/>
        <source>出错经过已记录在日志文件中：
{path}</source>
        <translation>What happened is recorded in the log file:
{path}</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="112"/>
        <source>日志文件无法写入，出错经过没有保存下来。</source>
        <translation>The log file could not be written, so what happened was not recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="113"/>
        <source>请点“复制详细信息”，把内容发给技术支持。</source>
        <translation>Click “Copy details” and send the text to technical support.</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="114"/>
        <source>技术信息：{summary}</source>
        <translation>Technical details: {summary}</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="123"/>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>DismissDialog</name>
    <message>
        <location filename="../../ui/dialogs/dismiss_dialog.py" line="21"/>
        <source>驳回审核发现</source>
        <translation>Dismiss findings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/dismiss_dialog.py" line="32"/>
        <source>选择常用理由，或写明驳回理由</source>
        <translation>Pick a usual reason, or write the reason for dismissing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/dismiss_dialog.py" line="39"/>
        <source>驳回理由：</source>
        <translation>Reason for dismissing:</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="26"/>
        <source>程序内部错误：{kind}：{detail}</source>
        <translation>Internal error: {kind}: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="36"/>
        <source>出错了</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../ui/models/findings_model.py" line="19"/>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="20"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="21"/>
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="22"/>
        <source>说明</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="23"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="127"/>
        <source>原文：{quote}</source>
        <translation>Text: {quote}</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="129"/>
        <source>建议：{suggestion}</source>
        <translation>Suggestion: {suggestion}</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="131"/>
        <source>出处：{place}</source>
        <translation>Source: {place}</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="133"/>
        <source>驳回理由：{reason}</source>
        <translation>Dismissed because: {reason}</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="156"/>
        <source>选择一条发现，在此查看完整说明、位置、原文和建议。</source>
        <translation>Select a finding to read its full message, place, quoted text and suggestion here.</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="161"/>
        <location filename="../../ui/views/findings_dock.py" line="317"/>
        <source>采纳</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="162"/>
        <source>采纳此发现，写入审核意见</source>
        <translation>Accept this finding into the memo</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="163"/>
        <location filename="../../ui/views/findings_dock.py" line="318"/>
        <source>驳回…</source>
        <translation>Dismiss…</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="164"/>
        <source>驳回此发现，并写明理由</source>
        <translation>Dismiss this finding, giving a reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="165"/>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="175"/>
        <source>提示类发现默认折叠，不进入审核意见，除非采纳</source>
        <translation>Notes are folded by default and stay out of the memo unless accepted</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="179"/>
        <source>只显示一条规则的发现</source>
        <translation>Show the findings of one rule only</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="181"/>
        <location filename="../../ui/views/findings_dock.py" line="258"/>
        <source>全部规则</source>
        <translation>All rules</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="185"/>
        <source>只显示一种状态的发现</source>
        <translation>Show the findings in one state only</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="186"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="186"/>
        <source>待处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="187"/>
        <source>已采纳</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="187"/>
        <source>已驳回</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="193"/>
        <source>状态：</source>
        <translation>State: </translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="304"/>
        <source>隐藏提示</source>
        <translation>Hide notes</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="305"/>
        <source>显示提示（{n}）</source>
        <translation>Show notes ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="314"/>
        <source>采纳（{n}）</source>
        <translation>Accept ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="315"/>
        <source>驳回（{n}）…</source>
        <translation>Dismiss ({n})…</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="335"/>
        <source>位置：</source>
        <translation>Place: </translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="387"/>
        <source>驳回选中的 {n} 条发现（{rules}），共用一条理由：</source>
        <translation>Dismiss the {n} selected findings ({rules}) with one reason:</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="191"/>
        <location filename="../../ui/views/findings_dock.py" line="336"/>
        <source>规则：</source>
        <translation>Rule: </translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="338"/>
        <source>原文：</source>
        <translation>Text: </translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="340"/>
        <source>建议：</source>
        <translation>Suggestion: </translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="342"/>
        <source>出处：</source>
        <translation>Source: </translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="344"/>
        <source>驳回理由：</source>
        <translation>Dismissed because: </translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="364"/>
        <source>驳回审核发现</source>
        <translation>Dismiss finding</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="365"/>
        <source>{rule}：{message}

请写明驳回理由：</source>
        <translation>{rule}: {message}

Please give the reason for dismissing it:</translation>
    </message>
    <message>
        <location filename="../../ui/views/findings_dock.py" line="373"/>
        <source>驳回时必须写明理由。</source>
        <translation>A dismissal needs a reason.</translation>
    </message>
</context>
<context>
    <name>GradePanel</name>
    <message>
        <location filename="../../ui/views/grade_dock.py" line="46"/>
        <source>审核结论…</source>
        <translation>Conclusion…</translation>
    </message>
    <message>
        <location filename="../../ui/views/grade_dock.py" line="49"/>
        <source>保存评定</source>
        <translation>Save grade</translation>
    </message>
    <message>
        <location filename="../../ui/views/grade_dock.py" line="51"/>
        <source>恢复自动评分</source>
        <translation>Back to the computed grade</translation>
    </message>
    <message>
        <location filename="../../ui/views/grade_dock.py" line="57"/>
        <source>各项得分</source>
        <translation>Scores</translation>
    </message>
    <message>
        <location filename="../../ui/views/grade_dock.py" line="58"/>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/views/grade_dock.py" line="59"/>
        <source>等次</source>
        <translation>Band</translation>
    </message>
    <message>
        <location filename="../../ui/views/grade_dock.py" line="60"/>
        <source>审核结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/views/grade_dock.py" line="68"/>
        <source>审核结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../ui/views/grade_dock.py" line="84"/>
        <source>尚未检查</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <location filename="../../ui/views/grade_dock.py" line="89"/>
        <source>人工评定</source>
        <translation>Set by the reviewer</translation>
    </message>
    <message>
        <location filename="../../ui/views/grade_dock.py" line="89"/>
        <source>自动评分</source>
        <translation>Computed</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../ui/dialogs/import_report_dialog.py" line="36"/>
        <source>导入报告 — {file}</source>
        <translation>Import report — {file}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_report_dialog.py" line="54"/>
        <source>复制全文</source>
        <translation>Copy all</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_report_dialog.py" line="56"/>
        <source>把报告复制为文字，便于转给同事或反馈问题</source>
        <translation>Copy the report as text, to pass on to a colleague or to report a problem</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_report_dialog.py" line="63"/>
        <location filename="../../ui/dialogs/import_report_dialog.py" line="119"/>
        <source>警告</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_report_dialog.py" line="65"/>
        <source>逐块读取情况（表格按页码和序号，正文按段落）</source>
        <translation>Block by block (tables by page and number, running text by paragraph)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_report_dialog.py" line="72"/>
        <source>{file}：导入时没有记录导入报告（由较早版本的程序导入）。重新导入该文件可得到报告。</source>
        <translation>{file}: no import report was recorded (imported by an earlier version of the program). Import the file again to get one.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_report_dialog.py" line="74"/>
        <source>{file}：{tables} 张表格，读出 {projects} 个项目、{rows} 行绩效指标（指标表共 {grid_rows} 行数据）、{fields} 项内容。</source>
        <translation>{file}: {tables} tables; read {projects} projects, {rows} indicator rows (the indicator tables hold {grid_rows} data rows) and {fields} values.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_report_dialog.py" line="80"/>
        <source>{n} 条警告表示可能有内容未被读取，请对照原文核对。</source>
        <translation>{n} warning(s) mean content was probably not read: please check against the original.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_report_dialog.py" line="94"/>
        <location filename="../../ui/dialogs/import_report_dialog.py" line="120"/>
        <source>没有警告。</source>
        <translation>No warnings.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_report_dialog.py" line="101"/>
        <source>报告中没有逐块记录。</source>
        <translation>The report lists no blocks.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_report_dialog.py" line="121"/>
        <source>逐块读取情况</source>
        <translation>Block by block</translation>
    </message>
</context>
<context>
    <name>IndicatorModel</name>
    <message>
        <location filename="../../ui/models/indicator_model.py" line="39"/>
        <source>一级指标</source>
        <translation>Level 1</translation>
    </message>
    <message>
        <location filename="../../ui/models/indicator_model.py" line="40"/>
        <source>二级指标</source>
        <translation>Level 2</translation>
    </message>
    <message>
        <location filename="../../ui/models/indicator_model.py" line="41"/>
        <source>三级指标</source>
        <translation>Level 3</translation>
    </message>
    <message>
        <location filename="../../ui/models/indicator_model.py" line="42"/>
        <source>指标描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/models/indicator_model.py" line="43"/>
        <source>指标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <location filename="../../ui/models/indicator_model.py" line="44"/>
        <source>指标值确定依据</source>
        <translation>Basis</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <location filename="../../ui/models/indicator_model.py" line="252"/>
        <source>报送值：{original}
修改建议：{suggested}</source>
        <translation>Submitted: {original}
Suggested: {suggested}</translation>
    </message>
    <message>
        <location filename="../../ui/models/indicator_model.py" line="253"/>
        <source>（空）</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <location filename="../../ui/models/indicator_model.py" line="258"/>
        <source>合成的指标值（含运算符列和单位列）：{target}</source>
        <translation>Target composed with the operator and unit columns: {target}</translation>
    </message>
    <message>
        <location filename="../../ui/models/indicator_model.py" line="260"/>
        <source>批注：{text}</source>
        <translation>Note: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/models/indicator_model.py" line="238"/>
        <source>已建议修改</source>
        <translation>Revision suggested</translation>
    </message>
</context>
<context>
    <name>IndicatorTableView</name>
    <message>
        <location filename="../../ui/views/indicator_view.py" line="247"/>
        <source>粘贴 {n} 个单元格</source>
        <translation>Paste {n} cells</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicator_view.py" line="261"/>
        <source>此表只读：修改建议请在年度绩效指标中提出。</source>
        <translation>This table is read-only: suggest revisions in the annual indicators.</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicator_view.py" line="263"/>
        <source>“{column}”列按报送文件原样显示，不能修改；修改建议只能写在前六列。</source>
        <translation>The “{column}” column is shown as submitted and cannot be changed; revisions can only be suggested in the first six columns.</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicator_view.py" line="292"/>
        <source>撤销修改建议</source>
        <translation>Withdraw suggested revisions</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="655"/>
        <source>请先在左侧选择一个部门。</source>
        <translation>Select a department on the left first.</translation>
    </message>
    <message>
        <location filename="../../ui/comparing.py" line="245"/>
        <source>该部门在工作区中只有一个年度的文本，无法对比。</source>
        <translation>This department has documents of only one year in the workspace: nothing to compare.</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="48"/>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="49"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="56"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="57"/>
        <location filename="../../ui/exporting.py" line="125"/>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="90"/>
        <source>请先在左侧选择一个部门或项目。</source>
        <translation>Select a department or a project on the left first.</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="105"/>
        <source>导出审核意见</source>
        <translation>Export review memo</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="106"/>
        <source>PDF 文件 (*.pdf);;Word 文档 (*.docx)</source>
        <translation>PDF files (*.pdf);;Word documents (*.docx)</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="131"/>
        <source>正在生成审核意见…</source>
        <translation>Writing the review memo…</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="153"/>
        <source>审核意见预览 — {file}</source>
        <translation>Review memo preview — {file}</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="167"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="172"/>
        <source>共 {n} 页</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152"/>
        <source>就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246"/>
        <source>筛选地区、部门、项目…</source>
        <translation>Filter regions, departments, projects…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <location filename="../../ui/main_window.py" line="346"/>
        <location filename="../../ui/main_window.py" line="590"/>
        <source>导入报告…</source>
        <translation>Import report…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>年度绩效指标</source>
        <translation>Annual indicators</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256"/>
        <source>工作区</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="276"/>
        <source>审核发现</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>批注</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>审核结论与评定</source>
        <translation>Conclusion and grade</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333"/>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="334"/>
        <source>导入部门预算绩效文本（.docx、.pdf、.xlsx，可多选）</source>
        <translation>Import budget performance documents (.docx, .pdf, .xlsx; several at once)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="335"/>
        <source>打开工作区…</source>
        <translation>Open workspace…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336"/>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="337"/>
        <source>对所选部门（未选则全部）运行审核检查</source>
        <translation>Run the review checks on the selected department (all when none is selected)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338"/>
        <source>搜索…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="339"/>
        <source>在整个工作区中搜索</source>
        <translation>Search the whole workspace</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="340"/>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="341"/>
        <source>把所选部门的项目、指标、修改建议和批注导出为 .xlsx</source>
        <translation>Export the selected department&apos;s projects, indicators, revisions and annotations to .xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="342"/>
        <source>导出审核意见…</source>
        <translation>Export review memo…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="343"/>
        <source>生成审核意见（PDF 或 DOCX）</source>
        <translation>Write the review memo (PDF or DOCX)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="344"/>
        <source>年度对比</source>
        <translation>Year comparison</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345"/>
        <source>把所选部门两个年度的文本并排对比</source>
        <translation>Compare two years of the selected department side by side</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="347"/>
        <source>所选文本导入时每张表格、每段正文读成了什么，以及导入警告</source>
        <translation>What every table and paragraph of the selected document was read as, and the import warnings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="348"/>
        <source>审核进度</source>
        <translation>Review progress</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="349"/>
        <source>所选部门各项目的待处理、已采纳、已驳回发现数和评定等次</source>
        <translation>Open, accepted and dismissed findings and grades of the selected department&apos;s projects</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="352"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="353"/>
        <location filename="../../ui/main_window.py" line="1394"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="354"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="357"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="364"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="365"/>
        <source>修改随改随存：等待尚未写完的修改写入工作区</source>
        <translation>Edits are saved as they are made: wait for pending edits to be written to the workspace</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="366"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="367"/>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="368"/>
        <source>撤回修改建议</source>
        <translation>Withdraw suggested revision</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="369"/>
        <source>删除所选单元格的修改建议，恢复报送值</source>
        <translation>Remove the suggested revisions of the selected cells (back to the submitted values)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="373"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="377"/>
        <source>最近的工作区</source>
        <translation>Recent workspaces</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="385"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="393"/>
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="398"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="403"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="405"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="426"/>
        <location filename="../../ui/models/tree_source.py" line="46"/>
        <source>年度不详</source>
        <translation>Year unknown</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="429"/>
        <source>预算绩效目标审核工作台 — {name}</source>
        <translation>Budget Performance Review Workbench — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="437"/>
        <source>预算绩效目标审核工作台</source>
        <translation>Budget Performance Review Workbench</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="494"/>
        <source>打开或新建工作区</source>
        <translation>Open or create a workspace</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="495"/>
        <source>工作区文件 (*.jxws *.sqlite *.db);;所有文件 (*)</source>
        <translation>Workspace files (*.jxws *.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="514"/>
        <location filename="../../ui/main_window.py" line="1261"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="587"/>
        <source>审核进度…</source>
        <translation>Review progress…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="595"/>
        <source>导入报告：{file}…</source>
        <translation>Import report: {file}…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="607"/>
        <source>请先在左侧选择一个年度或项目。</source>
        <translation>Select a year or a project on the left first.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="629"/>
        <source>所选年度（{year}）的文本没有读出任何项目，因此没有项目表和绩效指标可以审核。</source>
        <translation>No project was read from the document of the selected year ({year}), so there is no project table or indicator to review.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="633"/>
        <source>导入报告列出了文件中每张表格被读成了什么；如果文件确有项目，请核对后重新导入。</source>
        <translation>The import report lists what every table in the file was read as; if the file does hold projects, check it and import it again.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="737"/>
        <source>从左侧选择一个项目，或用“导入”把部门预算绩效文本（.docx / .pdf / .xlsx）导入工作区。</source>
        <translation>Pick a project on the left, or use “Import” to bring budget performance documents (.docx / .pdf / .xlsx) into the workspace.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="767"/>
        <source>{name}：{n} 行绩效指标</source>
        <translation>{name}: {n} indicator rows</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="778"/>
        <source>长期绩效指标</source>
        <translation>Long-term indicators</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="830"/>
        <source>审核发现（待处理 {n}）</source>
        <translation>Findings ({n} open)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="982"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1055"/>
        <source>修改 第{n}行 {column}</source>
        <translation>Revise row {n} {column}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1064"/>
        <source>修改 {field}</source>
        <translation>Revise {field}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1074"/>
        <source>采纳 {rule}</source>
        <translation>Accept {rule}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1074"/>
        <source>驳回 {rule}</source>
        <translation>Dismiss {rule}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1075"/>
        <source>重新打开 {rule}</source>
        <translation>Reopen {rule}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1088"/>
        <source>采纳 {n} 条发现</source>
        <translation>Accept {n} findings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1088"/>
        <source>驳回 {n} 条发现</source>
        <translation>Dismiss {n} findings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1089"/>
        <source>重新打开 {n} 条发现</source>
        <translation>Reopen {n} findings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1101"/>
        <source>长期绩效指标不能批注：请在年度绩效指标中选择一行或一个单元格。</source>
        <translation>Long-term indicators cannot be annotated: select a row or a cell in the annual indicators.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1105"/>
        <source>请先在指标表中选择一行或一个单元格。</source>
        <translation>Select a row or a cell in the indicator table first.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1118"/>
        <source>添加批注</source>
        <translation>Add annotation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1123"/>
        <source>批注正在保存，请稍后再修改或删除。</source>
        <translation>The annotation is being saved; edit or delete it in a moment.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1131"/>
        <source>修改批注</source>
        <translation>Edit annotation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1139"/>
        <source>删除批注</source>
        <translation>Delete annotation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1145"/>
        <source>人工评定</source>
        <translation>Set by the reviewer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1208"/>
        <source>导入部门预算绩效文本</source>
        <translation>Import budget performance documents</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1209"/>
        <source>绩效文本 ({patterns});;所有文件 (*)</source>
        <translation>Performance documents ({patterns});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1229"/>
        <source>正在导入 {n} 个文件…</source>
        <translation>Importing {n} files…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1258"/>
        <source>导入已取消：已导入 {ok} 个文件，未导入 {left} 个。</source>
        <translation>Import cancelled: {ok} files imported, {left} not.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1262"/>
        <source>已导入：{files}</source>
        <translation>Imported: {files}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1263"/>
        <source>未导入：{files}</source>
        <translation>Not imported: {files}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1264"/>
        <source>导入已取消</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1268"/>
        <source>已导入的文件：</source>
        <translation>Files imported:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1268"/>
        <source>未导入的文件：</source>
        <translation>Files not imported:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1280"/>
        <source>导入完成：成功 {ok} 个，重复 {dup} 个，失败 {bad} 个。</source>
        <translation>Import finished: {ok} imported, {dup} duplicates, {bad} failed.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1289"/>
        <source>{file}：{n} 条批注或修改建议未能带到新版本。</source>
        <translation>{file}: {n} annotations or suggested revisions could not be carried to the new version.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1293"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1308"/>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1322"/>
        <source>正在检查导入的 {n} 个文本…</source>
        <translation>Checking {n} imported document(s)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1330"/>
        <source>已检查导入的文本：发现 {n} 条待处理的审核发现。</source>
        <translation>Imported documents checked: {n} open finding(s) found.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1350"/>
        <source>检查完成。</source>
        <translation>Checks finished.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1395"/>
        <source>&lt;h3&gt;预算绩效目标审核工作台&lt;/h3&gt;&lt;p&gt;导入部门预算绩效文本，逐项审核绩效目标和指标，提出修改建议和批注，对比年度变化，导出审核意见。&lt;/p&gt;&lt;p&gt;所有数据保存在本机工作区文件中，无需联网。&lt;/p&gt;&lt;p&gt;界面字体：文泉驿微米黑（Apache-2.0）。&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Budget Performance Review Workbench&lt;/h3&gt;&lt;p&gt;Import departments&apos; budget performance documents, review every goal and indicator, suggest revisions and write annotations, compare years, and export the review memo.&lt;/p&gt;&lt;p&gt;All data stays in a workspace file on this computer; no network is needed.&lt;/p&gt;&lt;p&gt;Interface font: WenQuanYi Micro Hei (Apache-2.0).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MatchListModel</name>
    <message>
        <location filename="../../ui/models/comparison_model.py" line="244"/>
        <source>上年项目</source>
        <translation>Last year&apos;s project</translation>
    </message>
    <message>
        <location filename="../../ui/models/comparison_model.py" line="245"/>
        <source>本年项目</source>
        <translation>This year&apos;s project</translation>
    </message>
    <message>
        <location filename="../../ui/models/comparison_model.py" line="246"/>
        <source>匹配依据</source>
        <translation>Matched by</translation>
    </message>
    <message>
        <location filename="../../ui/models/comparison_model.py" line="247"/>
        <source>置信度</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <location filename="../../ui/models/comparison_model.py" line="248"/>
        <source>变化</source>
        <translation>Changes</translation>
    </message>
</context>
<context>
    <name>MemoExportDialog</name>
    <message>
        <location filename="../../ui/dialogs/memo_export_dialog.py" line="33"/>
        <source>导出审核意见</source>
        <translation>Export review memo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/memo_export_dialog.py" line="49"/>
        <source>（发文时填写）</source>
        <translation>(filled in when sent)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/memo_export_dialog.py" line="50"/>
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/memo_export_dialog.py" line="51"/>
        <source>审核单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/memo_export_dialog.py" line="52"/>
        <source>成文日期</source>
        <translation>Date of the memo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/memo_export_dialog.py" line="54"/>
        <source>文号序号</source>
        <translation>Document number serial</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/memo_export_dialog.py" line="57"/>
        <source>未设置发文机关：审核意见没有版头和文号，由审核单位落款。可在“设置 › 公文格式”中填写。</source>
        <translation>No issuing authority set: the memo has no letterhead or document number and is signed by the reviewing organisation. Set it in Settings › Official format.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/memo_export_dialog.py" line="61"/>
        <source>尚有 {n} 条审核发现待处理：导出的是草稿，每页页眉都会注明。</source>
        <translation>{n} findings are still open: the memo is a draft, and every page header says so.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/memo_export_dialog.py" line="68"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/memo_export_dialog.py" line="75"/>
        <source>请填写审核人和审核单位：审核意见要写明由谁审核、由哪个单位落款。</source>
        <translation>Please fill in the reviewer and the organisation: a memo says who reviewed it and who signs it.</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <location filename="../../ui/background.py" line="138"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../../ui/settings.py" line="53"/>
        <source>审核人姓名</source>
        <translation>Reviewer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="54"/>
        <source>审核单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="55"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="60"/>
        <source>中文</source>
        <translation>Chinese</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="61"/>
        <source>English</source>
        <translation>English</translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message>
        <location filename="../../ui/views/progress_view.py" line="87"/>
        <source>只看有待处理的项目</source>
        <translation>Only projects with open findings</translation>
    </message>
    <message>
        <location filename="../../ui/views/progress_view.py" line="92"/>
        <source>筛选项目名称、编码、单位…</source>
        <translation>Filter by project name, code, unit…</translation>
    </message>
    <message>
        <location filename="../../ui/views/progress_view.py" line="95"/>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/views/progress_view.py" line="97"/>
        <source>把审核进度和审核发现清单导出为 .xlsx</source>
        <translation>Export the review progress and the findings list as .xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/views/progress_view.py" line="99"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/views/progress_view.py" line="102"/>
        <source>重新读取审核进度 (F5)</source>
        <translation>Read the review progress again (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/views/progress_view.py" line="126"/>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../ui/views/progress_view.py" line="139"/>
        <source>审核进度 — {dept}</source>
        <translation>Review progress — {dept}</translation>
    </message>
    <message>
        <location filename="../../ui/views/progress_view.py" line="154"/>
        <source>无法读取审核进度：{error}</source>
        <translation>Cannot read the review progress: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/views/progress_view.py" line="172"/>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../ui/views/progress_view.py" line="221"/>
        <source>{name}_审核进度.xlsx</source>
        <translation>{name}_review_progress.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/views/progress_view.py" line="222"/>
        <source>导出审核进度</source>
        <translation>Export review progress</translation>
    </message>
    <message>
        <location filename="../../ui/views/progress_view.py" line="223"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/views/progress_view.py" line="237"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/views/progress_view.py" line="239"/>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <location filename="../../ui/views/project_form.py" line="122"/>
        <source>金额</source>
        <translation>Amounts</translation>
    </message>
    <message>
        <location filename="../../ui/views/project_form.py" line="139"/>
        <source>长期目标按报送文件原样显示，不能修改。</source>
        <translation>The long-term goal is shown as submitted and cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/views/project_form.py" line="140"/>
        <source>长期目标</source>
        <translation>Long-term goal</translation>
    </message>
    <message>
        <location filename="../../ui/views/project_form.py" line="235"/>
        <source>单位：{unit}</source>
        <translation>Unit: {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/views/project_form.py" line="269"/>
        <source>批注：{text}</source>
        <translation>Note: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/views/project_form.py" line="293"/>
        <source>报送值：{original}
修改建议：{suggested}</source>
        <translation>Submitted: {original}
Suggested: {suggested}</translation>
    </message>
    <message>
        <location filename="../../ui/views/project_form.py" line="294"/>
        <source>（空）</source>
        <translation>(blank)</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../ui/dialogs/search_dialog.py" line="41"/>
        <source>搜索工作区</source>
        <translation>Search the workspace</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search_dialog.py" line="49"/>
        <source>项目名称、绩效目标、指标名称或指标值中的文字…</source>
        <translation>Text in project names, goals, indicator names or values…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search_dialog.py" line="53"/>
        <source>显示更多</source>
        <translation>Show more</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search_dialog.py" line="59"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search_dialog.py" line="59"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search_dialog.py" line="59"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search_dialog.py" line="60"/>
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search_dialog.py" line="60"/>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search_dialog.py" line="115"/>
        <source>显示前 {n} 处，共超过 {m} 处</source>
        <translation>Showing the first {n} of more than {m}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search_dialog.py" line="116"/>
        <source>显示前 {n} 处，共 {m} 处</source>
        <translation>Showing the first {n} of {m}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search_dialog.py" line="119"/>
        <source>找到 {n} 处</source>
        <translation>{n} found</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="57"/>
        <location filename="../../ui/dialogs/settings_dialog.py" line="147"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="72"/>
        <source>审核人姓名</source>
        <translation>Reviewer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="73"/>
        <source>审核单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="74"/>
        <source>界面语言（重新启动后生效）</source>
        <translation>Language (after a restart)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="75"/>
        <source>常规</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="81"/>
        <source>如：××市财政局</source>
        <translation>e.g. XX City Finance Bureau</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="81"/>
        <source>留空则与发文机关相同</source>
        <translation>Leave empty to use the issuing authority</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="82"/>
        <source>如：×财绩审〔{year}〕{serial}号</source>
        <translation>e.g. X财绩审〔{year}〕{serial}号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="82"/>
        <source>留空则为被审核部门</source>
        <translation>Leave empty for the reviewed department</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="83"/>
        <source>上行文填写，否则留空</source>
        <translation>For documents to a higher authority; otherwise leave empty</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="83"/>
        <source>如：联系人：张三，电话：0315-2801234</source>
        <translation>e.g. 联系人：张三，电话：0315-2801234</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="92"/>
        <source>每行一项，如：《××省省级预算绩效目标管理办法》（×财预〔2024〕1号）</source>
        <translation>One per line, e.g. 《××省省级预算绩效目标管理办法》（×财预〔2024〕1号）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="94"/>
        <source>公文格式</source>
        <translation>Official format</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="109"/>
        <source>审核规则阈值</source>
        <translation>Check thresholds</translation>
    </message>
</context>
<context>
    <name>TreeFilter</name>
    <message>
        <location filename="../../ui/tree_filtering.py" line="64"/>
        <source>显示更多</source>
        <translation>Show more</translation>
    </message>
    <message>
        <location filename="../../ui/tree_filtering.py" line="196"/>
        <source>没有名称或编码含“{text}”的地区、部门、单位或项目</source>
        <translation>No region, department, unit or project whose name or code contains “{text}”</translation>
    </message>
    <message>
        <location filename="../../ui/tree_filtering.py" line="198"/>
        <source>显示前 {n} 处，共 {m} 处</source>
        <translation>Showing the first {n} of {m}</translation>
    </message>
    <message>
        <location filename="../../ui/tree_filtering.py" line="200"/>
        <source>共 {m} 处</source>
        <translation>{m} in all</translation>
    </message>
    <message>
        <location filename="../../ui/tree_filtering.py" line="203"/>
        <source>再显示 {n} 处</source>
        <translation>Show {n} more</translation>
    </message>
</context>
<context>
    <name>TreeModel</name>
    <message>
        <location filename="../../ui/models/tree_model.py" line="39"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../ui/models/tree_model.py" line="40"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/models/tree_model.py" line="41"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/models/tree_model.py" line="42"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/models/tree_model.py" line="43"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../ui/validation.py" line="26"/>
        <source>空值</source>
        <translation>Blank</translation>
    </message>
    <message>
        <location filename="../../ui/validation.py" line="30"/>
        <source>读作：{value}</source>
        <translation>Reads as: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/validation.py" line="33"/>
        <source>前</source>
        <translation> or before</translation>
    </message>
    <message>
        <location filename="../../ui/validation.py" line="34"/>
        <source>日期：{date}{before}</source>
        <translation>Date: {date}{before}</translation>
    </message>
    <message>
        <location filename="../../ui/validation.py" line="36"/>
        <source>期间：{period}</source>
        <translation>Period: {period}</translation>
    </message>
    <message>
        <location filename="../../ui/validation.py" line="38"/>
        <source>无法识别的指标值：含数字或比较符号，但读不出数值，请检查写法（如 ≥95%、31人、2025年12月31日前）。</source>
        <translation>Unreadable target value: it has digits or comparison signs but no readable number; check how it is written (e.g. ≥95%, 31人, 2025年12月31日前).</translation>
    </message>
    <message>
        <location filename="../../ui/validation.py" line="39"/>
        <source>定性指标（无数值）</source>
        <translation>Qualitative (no number)</translation>
    </message>
    <message>
        <location filename="../../ui/validation.py" line="45"/>
        <source>空值（按 0 计）</source>
        <translation>Blank (counts as 0)</translation>
    </message>
    <message>
        <location filename="../../ui/validation.py" line="47"/>
        <source>无法识别的金额：请只写数字（如 1234.56），单位为{unit}。</source>
        <translation>Unreadable amount: write digits only (e.g. 1234.56); the unit is {unit}.</translation>
    </message>
    <message>
        <location filename="../../ui/validation.py" line="48"/>
        <source>读作：{amount}{unit}</source>
        <translation>Reads as: {amount}{unit}</translation>
    </message>
</context>
<context>
    <name>WorkspaceTreeModel</name>
    <message>
        <location filename="../../ui/models/tree_model.py" line="297"/>
        <source>待处理的审核发现：{n}</source>
        <translation>Open findings: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/models/tree_model.py" line="299"/>
        <source>导入警告：{text}</source>
        <translation>Import warning: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/models/tree_model.py" line="300"/>
        <source>右键单击，选择“导入报告…”查看全部。</source>
        <translation>Right-click and choose “Import report…” to see them all.</translation>
    </message>
</context>
<context>
    <name>Zoom</name>
    <message>
        <location filename="../../ui/zoom.py" line="40"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/zoom.py" line="43"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/zoom.py" line="46"/>
        <source>实际大小</source>
        <translation>Actual size</translation>
    </message>
</context>
</TS>
