"""Short policies in the seed's shape (our own words, not the published text)."""

NBSP = "\u00a0"
IDEOGRAPHIC_SPACE = "\u3000"

ZH = f"""测试声明及隐私政策

更新日期:2024年3月1日

特别提示:

这是一段引言,说明本政策的适用范围。

基本规则

1、您应当遵守法律。

2、您不得滥用服务。

若有疑问请联系我们。

版权声明

平台内容归我们所有。

本政策将帮助您了解以下内容:

1、我们如何收集信息

2、如何联系我们

一、我们如何收集信息

个人信息是可以识别您身份的信息。

(一)我们收集的信息

1、您提供的信息

例如电话号码。

我们使用信息的方式

(1)改进服务。

(2){IDEOGRAPHIC_SPACE}保障安全。

二、如何联系我们

如有问题,可通过以下方式联系我们:

邮箱:help@example.com

{NBSP}{NBSP}{NBSP}电话:021-12345678
"""

EN = f"""TEST STATEMENT AND{NBSP}PRIVACY POLICY

Updated on: March 1, 2024

Special tips:

This is an introduction about{NBSP}the scope of this policy.

Basic rules

1.You shall obey the law.

2. You shall not abuse the service.

If in doubt, contact us.

Copyright notice

The platform's content belongs to us.

This policy will help you understand the following:

1. How we collect information.

2. How to contact us.

1、 How we collect information

Personal information identifies you.

1) Information we collect

1. Information you provide

For example, your phone number.

(2) How we use information

(1) To improve the service.

(2) To keep things safe.

2、 How to contact us

If you have questions, contact us as follows:

Email: help@example.com

Phone: +86 21 1234 5678
"""

BILINGUAL = ZH + "\n\n\n" + EN
